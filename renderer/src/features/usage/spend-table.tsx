import type { ModelSpend } from '../../../../shared/contract';
import { formatCost } from '../../ui/format';
import { TableHead } from '../../ui/table-head';

/** What each model cost over the chosen period, most expensive first. */
export function SpendTable({ byModel }: { byModel: ModelSpend[] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Spend by model">
        <TableHead columns={['Model', 'Calls', 'Failed', 'Tokens in', 'Tokens out', 'Cost', 'Without a price']} />
        <tbody>
          {byModel.map((spend) => (
            <tr key={spend.model}>
              <th scope="row">{spend.model}</th>
              <td>{spend.calls}</td>
              <td>{spend.failedCalls}</td>
              <td>{spend.inputTokens}</td>
              <td>{spend.outputTokens}</td>
              <td>{formatCost(spend.pricedCalls > 0 ? spend.costUSD : null)}</td>
              <td>{spend.unpricedCalls}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
