import express from 'express';
import serveIndex from 'serve-index';

const app = express();
app.use('/logs', express.static('logs'), serveIndex('logs', { icons: true })); // expect: directory-listing
app.use(express.static('public'));
