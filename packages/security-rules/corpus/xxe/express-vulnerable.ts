import express from 'express';
import libxmljs from 'libxmljs';

const app = express();
app.post('/import', express.text(), (req, res) => {
  const doc = libxmljs.parseXmlString(req.body, { noent: true, noblanks: true }); // expect: xxe
  res.json({ root: doc.root()?.name() });
});
