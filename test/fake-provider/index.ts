export { startFakeProvider, type FakeProvider, type FakeResponse, type RecordedRequest } from './fake-provider';
export { capturesDir, loadCapture, loadExpected, type ExpectedResult } from './captures';
export { deadPort } from './dead-port';
export { startScriptedServer, type ScriptedAnswer, type ScriptedRequest, type ScriptedServer } from './scripted-server';
