const jwt = require('jsonwebtoken');
const fs = require('fs');
const privateKey = fs.readFileSync('/run/secrets/jwt.pem');
module.exports = (id) => jwt.sign({ id }, privateKey, { expiresIn: 600, algorithm: 'RS256' });
