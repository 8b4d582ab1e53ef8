const jwt = require('jsonwebtoken');
exports.verify = (token, publicKey, cb) => jwt.verify(token, publicKey, { algorithms: ['RS256'] }, cb);
