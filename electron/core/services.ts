import type { BudgetReport } from '../../shared/contract/usage';
import type { SwitchboardConfig } from '../../shared/types/config';
import type { UsageRecord } from '../../shared/types/usage';
import type { FinishedCall } from '../telemetry/call-content';
import { budgetReport } from '../budget/budget-report';
import { checkBudget, endpointOf } from '../budget/check-budget';
import { createPricer } from '../catalog/pricer';
import { createConfigReader } from '../config/cached-config';
import { editConfigFile, type ConfigEdit } from '../config/edit-config-file';
import { resolveModelId } from '../config/resolve-model-id';
import { routeLimits } from '../gateway/call-limits';
import { createEmbed, type Embed } from '../gateway/embed-call';
import { createGateway } from '../gateway/gateway';
import type { Gateway } from '../gateway/types';
import { createCachedKeychain } from '../keychain/cached-keychain';
import { createKeytarKeychain } from '../keychain/keytar-keychain';
import type { Keychain } from '../keychain/types';
import { protocolCodecs, type CodecRegistry } from '../protocols';
import { createStreamTarget } from '../providers/stream-target';
import type { StreamTarget } from '../providers/types';
import { createRouter, type Router, type RouterOptions } from '../routing/create-router';
import { openStore } from '../store/open-store';
import { createTelemetry, type ExportLimits, type Telemetry } from '../telemetry/create-telemetry';
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
  /** Each finished call to the team's OpenTelemetry collector, when `telemetry.otlp` is set. */
  telemetry: Telemetry;
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
  /** The OpenTelemetry export's queue and timeouts; tests pass small ones. */
  telemetry?: { limits?: Partial<ExportLimits>; refreshMs?: number };
}

/** The composition root of the core: wires config, keychain, store, catalog and gateway. */
export function createServices(options: ServiceOptions): Services {
  const { dataDir } = options;
  const store = openStore(dataDir);
  // Keys kept in memory for a few seconds (cached-keychain.ts); changes through it apply at once.
  const keychain = createCachedKeychain(options.keychain ?? createKeytarKeychain());
  // Parsed again only when a stat shows config.json changed: hand edits still apply on the next call.
  const config = createConfigReader(dataDir);
  const readConfig = () => config.read();
  const codecs = options.codecs ?? protocolCodecs;
  const resolve = (modelId: string) => {
    const config = readConfig();
    return { ...resolveModelId(config, modelId), route: routeLimits(config, modelId) };
  };
  const getKey = (endpointId: string) => keychain.get(endpointId);
  const price = createPricer();
  const telemetry = createTelemetry({ readConfig, keychain, ...options.telemetry });
  const record = (usage: UsageRecord, call?: FinishedCall) => {
    // A key the provider refused is read again on the next call: `keys set` elsewhere applies at once.
    for (const attempt of usage.attempts) {
      if (attempt.error?.code === 'PROVIDER_AUTH') keychain.forget(attempt.target.split('/')[0]!);
    }
    // A local API call's row is written once its response has ended; the app's own calls at once, so
    // their answer can say when it was not saved.
    if (usage.source === 'api') store.queueUsage(usage);
    else store.recordUsage(usage);
    telemetry.export(usage, call);
  };
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
    wantsText: telemetry.isIncludingContent,
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
    editConfig: async (edit) => {
      try {
        return await editConfigFile(dataDir, edit);
      } finally {
        config.invalidate();
        telemetry.invalidate();
      }
    },
    keychain,
    store,
    gateway,
    embed: createEmbed({ resolve, getKey, price, record, checkBudget: checkEndpointBudget }),
    codecs,
    budgets,
    router,
    telemetry,
    dispose: () => store.close(),
  };
}
