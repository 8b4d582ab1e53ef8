export const config = {
  awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', // expect: hardcoded-secret
  stripeKey: 'sk_live_51HqLyjWDarjtT1zdp7dcXYZabc123', // expect: hardcoded-secret
  databasePassword: 'S3cr3t-P4ssw0rd!xyz', // expect: hardcoded-secret
};

const githubToken = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'; // expect: hardcoded-secret
export const headers = { Authorization: `token ${githubToken}` };
