declare module 'eslint-plugin-security';
