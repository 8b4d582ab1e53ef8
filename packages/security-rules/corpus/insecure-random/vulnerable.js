function makeOtp() {
  const otp = String(Math.floor(100000 + Math.random() * 900000)); // expect: insecure-random
  return otp;
}
module.exports = { makeOtp };
