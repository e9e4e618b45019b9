// The ECCANG web service's side: a SOAP 1.1 callService envelope, parsed with a real XML parser,
// credentials checked, then the endpoint named by `service`.
import { DOMParser } from '@xmldom/xmldom';
import { sameText } from './signing.js';
import { endpointReplies } from './endpoints.js';

export function soapResponse(answer) {
  const json = JSON.stringify(answer).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.example.org/Ec/"><SOAP-ENV:Body><ns1:callServiceResponse><response>${json}</response></ns1:callServiceResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

export function soapFault(code, message) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:${code}</faultcode><faultstring>${message}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

export function eccangProvider({ credentials, endpoints }) {
  let counter = 0;
  const replies = endpointReplies(endpoints);

  function answer(bodyText) {
    const errors = [];
    const doc = new DOMParser({ onError: (level, msg) => errors.push(msg) }).parseFromString(bodyText, 'text/xml');
    const call = doc.getElementsByTagNameNS('http://www.example.org/Ec/', 'callService')[0];
    if (errors.length || !call) return soapFault('Client', 'not a callService envelope');
    const text = (name) => call.getElementsByTagName(name)[0]?.textContent ?? '';
    if (!sameText(text('appToken'), credentials.appToken) || !sameText(text('appKey'), credentials.appKey)) {
      return soapResponse({ ask: 'Failure', message: 'appToken 或 appKey 错误', Error: { errMessage: 'appToken/appKey 验证失败', errCode: '10001' } });
    }
    if (!replies.has(text('service'))) return soapResponse({ ask: 'Failure', message: `unknown service ${text('service')}`, Error: { errMessage: 'service 不存在', errCode: '10002' } });
    let order;
    try { order = JSON.parse(text('paramsJson')); } catch { return soapResponse({ ask: 'Failure', message: '订单数据不合法', Error: { errMessage: 'paramsJson 不是 JSON', errCode: '10003' } }); }
    counter += 1;
    return soapResponse(replies.reply(text('service'), order, counter));
  }

  return {
    name: 'eccang',
    path: '/eccang/ws',
    contentType: 'text/xml; charset=utf-8',
    answer: ({ body }) => answer(body),
    faults: {
      retryable: () => soapFault('Server', 'scripted server fault'),
      fatal: () => soapFault('Client', 'scripted client fault'),
    },
  };
}
