const PRIVATE_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----'; // expect: hardcoded-secret
module.exports.client = { clientSecret: 'f3a9c2e71b8d4f60a5e9c7d2b1f08e4a' }; // expect: hardcoded-secret
module.exports.key = PRIVATE_KEY;
