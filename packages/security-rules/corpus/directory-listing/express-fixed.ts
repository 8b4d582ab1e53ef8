import express from 'express';

const app = express();
app.use(express.static('public', { index: false }));
