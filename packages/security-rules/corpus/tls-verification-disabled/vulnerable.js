const tls = require('tls');
const socket = tls.connect(443, 'api.example.com', { checkServerIdentity: () => undefined }); // expect: tls-verification-disabled
module.exports = socket;
