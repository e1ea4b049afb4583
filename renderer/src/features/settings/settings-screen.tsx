import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { EndpointCard } from './endpoint-card';
import { EndpointForm } from './endpoint-form';
import { LocalApiPanel } from './local-api-panel';
import { RouteHealthPanel } from './route-health-panel';
import { RouteList } from './route-list';
import { TelemetryPanel } from './telemetry-panel';
import { ThemeControl } from './theme-control';
import { ProviderForm } from '../welcome/provider-form';

export function SettingsScreen() {
  const { endpoints } = useAppStore(useShallow((state) => ({ endpoints: state.endpoints })));
  return (
    <section aria-labelledby="settings-title" className="screen">
      <h2 id="settings-title">Settings</h2>
      <p className="hint">Keys are kept in your OS keychain; Switchboard only shows their last four characters.</p>
      <ul className="endpoint-list" aria-label="Endpoints">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <EndpointCard endpoint={endpoint} />
          </li>
        ))}
        {endpoints.length === 0 && <li className="hint">No endpoints yet: add one below.</li>}
      </ul>
      <ProviderForm isFirst={false} />
      <EndpointForm />
      <RouteList />
      <RouteHealthPanel />
      <LocalApiPanel />
      <TelemetryPanel />
      <section className="appearance" aria-labelledby="appearance-title">
        <h3 id="appearance-title">Appearance</h3>
        <ThemeControl />
      </section>
    </section>
  );
}
