const { randomInt } = require('crypto');
function makeOtp() {
  return String(randomInt(100000, 1000000));
}
const shuffle = (xs) => xs.sort(() => Math.random() - 0.5);
module.exports = { makeOtp, shuffle };
