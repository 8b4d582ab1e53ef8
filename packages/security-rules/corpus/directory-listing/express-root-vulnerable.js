const express = require('express');
const serveIndex = require('serve-index');

const app = express();
app.use('/files', serveIndex(__dirname)); // expect: directory-listing
