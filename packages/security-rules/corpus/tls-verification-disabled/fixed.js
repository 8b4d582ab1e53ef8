const tls = require('tls');
const socket = tls.connect(443, 'api.example.com', { servername: 'api.example.com' });
module.exports = socket;
