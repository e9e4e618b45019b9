// The ECCANG web service's side: a SOAP 1.1 callService envelope, parsed with a real XML parser,
// credentials checked, then createOrder's rules as a forwarder applies them.
import { DOMParser } from '@xmldom/xmldom';
import { sameText } from './signing.js';

let counter = 0;

export function soapResponse(answer) {
  const json = JSON.stringify(answer).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.example.org/Ec/"><SOAP-ENV:Body><ns1:callServiceResponse><response>${json}</response></ns1:callServiceResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

export function soapFault(code, message) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:${code}</faultcode><faultstring>${message}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

const failure = (reference_no, errCode, errMessage) => ({
  ask: 'Failure', message: '订单数据不合法', reference_no, Error: { errMessage, errCode }, 'time_cost(s)': '0.001',
});

/** Returns the SOAP text to answer with. */
export function eccangAnswer(bodyText, credentials, seen) {
  const errors = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(msg) }).parseFromString(bodyText, 'text/xml');
  const call = doc.getElementsByTagNameNS('http://www.example.org/Ec/', 'callService')[0];
  if (errors.length || !call) return soapFault('Client', 'not a callService envelope');
  const text = (name) => call.getElementsByTagName(name)[0]?.textContent ?? '';
  if (!sameText(text('appToken'), credentials.appToken) || !sameText(text('appKey'), credentials.appKey)) {
    return soapResponse({ ask: 'Failure', message: 'appToken 或 appKey 错误', Error: { errMessage: 'appToken/appKey 验证失败', errCode: '10001' } });
  }
  if (text('service') !== 'createOrder') return soapResponse({ ask: 'Failure', message: `unknown service ${text('service')}`, Error: { errMessage: 'service 不存在', errCode: '10002' } });
  let order;
  try { order = JSON.parse(text('paramsJson')); } catch { return soapResponse(failure('', '10003', 'paramsJson 不是 JSON')); }
  const ref = order.reference_no;
  for (const field of ['reference_no', 'shipping_method', 'country_code', 'order_weight', 'order_pieces', 'Consignee', 'ItemArr']) {
    if (order[field] == null || order[field] === '') return soapResponse(failure(ref, '50001', `${field} 必填`));
  }
  if (seen.has(ref)) return soapResponse(failure(ref, '50002', `参考号 ${ref} 已存在`));
  seen.add(ref);
  counter += 1;
  return soapResponse({
    ask: 'Success', message: 'Success', reference_no: ref, shipping_method_no: `SB${String(counter).padStart(9, '0')}CN`,
    order_code: `ECSANDBOX${String(counter).padStart(6, '0')}`, track_status: 1, sender_info_status: 0, ODA: '', agent_number: '', system_number: '',
    'time_cost(s)': '0.001',
  });
}

export const eccangFaults = {
  retryable: () => soapFault('Server', 'scripted server fault'),
  fatal: () => soapFault('Client', 'scripted client fault'),
};
