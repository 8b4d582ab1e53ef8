import express from 'express';

const app = express();
app.use(express.json());

app.post('/profile', (req, res) => {
  const { name, bio } = req.body; // expect: unvalidated-input
  res.json({ name, bio });
});
