const fs = require('fs');
const PRIVATE_KEY = fs.readFileSync(process.env.PRIVATE_KEY_PATH || '/run/secrets/key.pem', 'utf8');
module.exports.client = { clientSecret: process.env.OAUTH_CLIENT_SECRET, clientId: 'my-app-client' };
module.exports.key = PRIVATE_KEY;
