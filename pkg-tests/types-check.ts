// Type-checked by `tsc` in scripts/test.sh against the installed package's generated .d.ts:
// a type change in the Rust models shows up here as a compile error.
import {
  init, prepareTop, topSign, topStringToSign, parseTopResponse,
  OrderValidationError, ArgumentError, OrdercraftError,
  type PreparedRequest, type TopOptions, type Issue, type Parsed,
} from 'ordercraft';

export async function example(): Promise<string> {
  await init();
  const opts: TopOptions = { appKey: 'k', appSecret: 's', signMethod: 'hmac-sha256', timestamp: new Date() };
  const req: PreparedRequest = prepareTop('alibaba.intention.order.save', { intention_order: { status: 'DRAFT' } }, opts);
  const sig: string = topSign({ a: '1' }, 's', 'md5') + topStringToSign({ a: 1 });
  const parsed: Parsed<Record<string, unknown>> = parseTopResponse('a.b', '{}');
  if (parsed.ok) {
    return String(parsed.data) + req.body + sig;
  }
  try {
    prepareTop('a.b', {}, opts);
  } catch (e) {
    if (e instanceof OrderValidationError) {
      const issues: Issue[] = e.issues;
      return issues.map((i) => `${i.path} ${i.code} ${i.severity}`).join();
    }
    if (e instanceof ArgumentError) return e.argument;
    if (e instanceof OrdercraftError) return e.message;
  }
  return parsed.error.code + (parsed.error.retryable ? parsed.error.message : '');
}
