import { useAppStore } from '../../store/app-store';
import { LocalServerOffers } from './local-server-offers';
import { ProviderForm } from './provider-form';

/** What an empty app opens on: a first provider, from a server found here or a preset, then Chat. */
export function WelcomeScreen() {
  const setScreen = useAppStore((state) => state.setScreen);
  return (
    <section aria-labelledby="welcome-title" className="screen welcome">
      <h2 id="welcome-title">Welcome to Switchboard</h2>
      <p className="welcome-intro">
        Add a provider to start chatting. Its key stays in your OS keychain, its models are listed for you, and every
        answer is measured and priced here, on your computer.
      </p>
      <LocalServerOffers />
      <ProviderForm isFirst />
      <p className="hint">
        Several endpoints, routes with failover, prices: all in{' '}
        <button type="button" className="link-button" onClick={() => setScreen('settings')}>
          Settings
        </button>
        .
      </p>
    </section>
  );
}
