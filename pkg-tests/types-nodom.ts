// A TypeScript project without the DOM lib and without @types/node (tsconfig.nodom.json,
// skipLibCheck false): the package's types must stand on their own.
import { init, prepare, example, createClient, validate } from 'ordercraft';

export async function noDom(): Promise<number> {
  await init();
  const order = example('eccang:createOrder');
  const req = prepare('eccang:createOrder', order, { appToken: 't', appKey: 'k', endpoint: 'http://x' });
  const client = createClient({ retries: 1 });
  return req.body.length + validate('eccang:createOrder', order).issues.length + (client ? 1 : 0);
}
