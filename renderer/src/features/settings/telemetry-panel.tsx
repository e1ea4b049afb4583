import { useEffect, useState, type FormEvent } from 'react';
import type { TelemetryView } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { FormField } from './form-field';
import { formErrors, noErrors, type FormErrors } from './form-errors';

/**
 * The OpenTelemetry export: the team's collector, whether calls go there, whether their text does, and the
 * collector's headers (written to the OS keychain; never shown again, only whether they are set).
 */
export function TelemetryPanel() {
  const bridge = useAppStore((state) => state.bridge);
  const [saved, setSaved] = useState<TelemetryView | null>(null);
  const [endpoint, setEndpoint] = useState('');
  const [isEnabled, setIsEnabled] = useState(true);
  const [includeContent, setIncludeContent] = useState(false);
  const [headers, setHeaders] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [status, setStatus] = useState<string | null>(null);

  const show = (view: TelemetryView) => {
    setSaved(view);
    setEndpoint(view.endpoint);
    setIsEnabled(view.endpoint === '' ? true : view.enabled);
    setIncludeContent(view.includeContent);
    setHeaders('');
  };
  useEffect(() => {
    if (!bridge) return;
    let isCurrent = true;
    void bridge.request('telemetry.get', {}).then((result) => {
      if (isCurrent && result.ok) show(result.data);
    });
    return () => {
      isCurrent = false;
    };
  }, [bridge]);
  if (!bridge || !saved) return null;

  const save = async (clearHeaders: boolean) => {
    setStatus(null);
    const result = await bridge.request('telemetry.save', {
      endpoint,
      enabled: isEnabled,
      includeContent,
      ...(headers.trim() ? { headers } : {}),
      clearHeaders,
    });
    if (!result.ok) {
      const outcome = { ok: false as const, ...result.error, fields: result.error.fields ?? [] };
      setErrors(formErrors(outcome, (field) => (field === 'endpoint' || field === 'headers' ? field : null), 'saved'));
      return;
    }
    setErrors(noErrors);
    show(result.data);
    setStatus(result.data.endpoint ? 'Saved.' : 'Saved: nothing is exported.');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <section className="telemetry" aria-labelledby="telemetry-title">
      <h3 id="telemetry-title">Team telemetry (OpenTelemetry)</h3>
      <p className="hint">
        Sends each call to your team&apos;s OpenTelemetry collector over OTLP/HTTP as a span with its model, tokens,
        cost, target and route, plus token and cost metrics. Prompts and answers are not sent unless you turn that on.
        Leave the URL empty to export nothing.
      </p>
      <form onSubmit={submit} aria-label="Telemetry settings" noValidate>
        <FormField label="Collector URL" error={errors.fields.endpoint}>
          {(control) => (
            <input
              {...control}
              type="url"
              placeholder="http://127.0.0.1:4318"
              value={endpoint}
              onChange={(event) => setEndpoint(event.target.value)}
            />
          )}
        </FormField>
        <label>
          <input type="checkbox" checked={isEnabled} onChange={(event) => setIsEnabled(event.target.checked)} /> Export
          calls
        </label>
        <label>
          <input
            type="checkbox"
            checked={includeContent}
            onChange={(event) => setIncludeContent(event.target.checked)}
          />{' '}
          Include prompts and answers
        </label>
        <FormField label="Collector headers (one “Name: value” per line)" error={errors.fields.headers}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              autoComplete="off"
              spellCheck={false}
              placeholder={saved.headers.isSet ? 'set: type here to replace them' : 'Authorization: Bearer …'}
              value={headers}
              onChange={(event) => setHeaders(event.target.value)}
            />
          )}
        </FormField>
        <p className="hint">
          {saved.headers.problem ??
            (saved.headers.isSet ? 'Headers: set (kept in your OS keychain)' : 'Headers: not set')}
        </p>
        {saved.lastExport && (
          <p className="hint">
            {saved.lastExport.isOk
              ? `Last export: sent at ${new Date(saved.lastExport.at).toLocaleTimeString()}`
              : `Last export failed at ${new Date(saved.lastExport.at).toLocaleTimeString()}: ${saved.lastExport.error ?? 'the collector did not take it'}`}
          </p>
        )}
        {errors.form && <p role="alert">{errors.form}</p>}
        <button type="submit" className="primary">
          Save telemetry
        </button>
        {saved.headers.isSet && (
          <button type="button" onClick={() => void save(true)}>
            Remove the headers
          </button>
        )}
        {status && <p role="status">{status}</p>}
      </form>
    </section>
  );
}
