export const config = {
  awsAccessKeyId: process.env.AWS_ACCESS_KEY_ID,
  stripeKey: process.env.STRIPE_SECRET_KEY,
  databasePassword: process.env.DATABASE_PASSWORD ?? '',
  passwordField: 'password',
  apiKeyHeader: 'x-api-key',
};

export const messages = { password: 'Your password must be at least 12 characters long' };
