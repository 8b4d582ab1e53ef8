const jwt = require('jsonwebtoken');
module.exports = async (ctx, next) => {
  const claims = jwt.verify(ctx.get('authorization').slice(7), process.env.JWT_SECRET, { algorithms: ['HS256'] });
  if (claims && claims.admin) ctx.state.admin = true;
  await next();
};
