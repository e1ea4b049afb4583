import type { BudgetReport } from '../../shared/contract/usage';
import type { SwitchboardConfig } from '../../shared/types/config';
import type { UsageRecord } from '../../shared/types/usage';
import { budgetReport } from '../budget/budget-report';
import { checkBudget, endpointOf } from '../budget/check-budget';
import { createPricer } from '../catalog/pricer';
import { loadConfig } from '../config/config-file';
import { editConfigFile, type ConfigEdit } from '../config/edit-config-file';
import { resolveModelId } from '../config/resolve-model-id';
import { routeLimits } from '../gateway/call-limits';
import { createEmbed, type Embed } from '../gateway/embed-call';
import { createGateway } from '../gateway/gateway';
import type { Gateway } from '../gateway/types';
import { createKeytarKeychain } from '../keychain/keytar-keychain';
import type { Keychain } from '../keychain/types';
import { protocolCodecs, type CodecRegistry } from '../protocols';
import { createStreamTarget } from '../providers/stream-target';
import type { StreamTarget } from '../providers/types';
import { createRouter, type Router, type RouterOptions } from '../routing/create-router';
import { openStore } from '../store/open-store';
import type { Store } from '../store/types';

/** Everything the shells share: one per data directory. */
export interface Services {
  dataDir: string;
  readConfig(): SwitchboardConfig;
  /**
   * Applies `edit` to config.json as it is when the edit runs (never to an older copy): edits are
   * serialized in this process and locked against other processes. Resolves with the saved config.
   */
  editConfig(edit: ConfigEdit): Promise<SwitchboardConfig>;
  keychain: Keychain;
  store: Store;
  gateway: Gateway;
  /** `POST /v1/embeddings` over a model id's targets, with its usage row. */
  embed: Embed;
  /** The local API's protocols. */
  codecs: CodecRegistry;
  /** Every monthly budget set and what this month has spent of it. */
  budgets(): BudgetReport;
  /** Orders routes' targets by their strategy and keeps each target's circuit. */
  router: Router;
  dispose(): void;
}

export interface ServiceOptions {
  dataDir: string;
  /** Replaced only where the real one cannot run. */
  keychain?: Keychain;
  streamTarget?: StreamTarget;
  /** The local API's codecs; tests may bring their own. */
  codecs?: CodecRegistry;
  /** Routing's randomness, bench and stats cache; tests pass seeded or small ones. */
  routing?: Pick<RouterOptions, 'random' | 'health' | 'statsTtlMs' | 'exploreRate'>;
}

/** The composition root of the core: wires config, keychain, store, catalog and gateway. */
export function createServices(options: ServiceOptions): Services {
  const { dataDir } = options;
  const store = openStore(dataDir);
  const keychain = options.keychain ?? createKeytarKeychain();
  // Read on every call: the file is small and hand-edited, and edits should apply at once.
  const readConfig = () => loadConfig(dataDir);
  const codecs = options.codecs ?? protocolCodecs;
  const resolve = (modelId: string) => {
    const config = readConfig();
    return { ...resolveModelId(config, modelId), route: routeLimits(config, modelId) };
  };
  const getKey = (endpointId: string) => keychain.get(endpointId);
  const price = createPricer();
  const record = (usage: UsageRecord) => store.recordUsage(usage);
  const budgets = () => budgetReport(readConfig().budgets, store.spendByEndpoint, new Date());
  const checkEndpointBudget = (_modelId: string, target: string) => {
    const configured = readConfig().budgets;
    // Without a budget the history is not read.
    if (!configured) return { ok: true } as const;
    return checkBudget(budgetReport(configured, store.spendByEndpoint, new Date()), endpointOf(target));
  };
  const router = createRouter({ price, recentCalls: store.recentRouteCalls, ...options.routing });
  const gateway = createGateway({
    resolve,
    router,
    getKey,
    streamTarget: options.streamTarget ?? createStreamTarget({ codecs }),
    price,
    record,
    checkBudget: checkEndpointBudget,
    cache: {
      get: (key) => store.getCachedAnswer(key, new Date().toISOString()),
      put: (key, answer, ttlMs) =>
        store.putCachedAnswer(key, answer, new Date().toISOString(), new Date(Date.now() + ttlMs).toISOString()),
    },
  });
  return {
    dataDir,
    readConfig,
    editConfig: (edit) => editConfigFile(dataDir, edit),
    keychain,
    store,
    gateway,
    embed: createEmbed({ resolve, getKey, price, record, checkBudget: checkEndpointBudget }),
    codecs,
    budgets,
    router,
    dispose: () => store.close(),
  };
}
