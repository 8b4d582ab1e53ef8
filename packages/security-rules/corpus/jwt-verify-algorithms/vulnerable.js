const jwt = require('jsonwebtoken');
exports.verify = (token, publicKey, cb) => jwt.verify(token, publicKey, cb); // expect: jwt-verify-algorithms
exports.unsigned = (p) => jwt.sign(p, '', { algorithm: 'none' }); // expect: jwt-verify-algorithms
