/** A valid `ping` event of the real spec. */
export function pingEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '0b7c2c43-3f5b-4a51-9d8e-3c1f6a2b9e10',
    accountID: 'a9b8c7d6',
    source: '/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f',
    specVersion: '1.0',
    time: '2026-03-01T12:00:00Z',
    type: 'ping',
    data: { message: 'hello' },
    ...overrides,
  };
}

/** A valid `gateway/online` event of the real spec. */
export function gatewayOnlineEvent(): Record<string, unknown> {
  return pingEvent({
    type: 'gateway/online',
    data: { gatewayID: '680d63aa-6e1d-4447-af7c-35c5eb6ca810', systemID: 'af87d7b3-316f-4d26-868c-4ae351095bdc' },
  });
}
