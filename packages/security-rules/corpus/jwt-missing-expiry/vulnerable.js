const jwt = require('jsonwebtoken');
exports.issue = (user, cb) => jwt.sign({ id: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256' }, cb); // expect: jwt-missing-expiry
