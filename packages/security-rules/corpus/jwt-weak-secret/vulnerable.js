const jwt = require('jsonwebtoken');
module.exports = (id) => jwt.sign({ id }, 'changeme', { expiresIn: 600 }); // expect: jwt-weak-secret
