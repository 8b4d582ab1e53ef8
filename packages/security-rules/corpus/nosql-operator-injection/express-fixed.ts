import express from 'express';
import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ username: String, password: String }));
const Order = mongoose.model('Order', new mongoose.Schema({ owner: String, total: Number }));

const app = express();
app.use(express.json());
app.set('query parser', 'simple');

app.post('/login', async (req, res) => {
  const user = await User.findOne({ username: String(req.body.username), password: { $eq: req.body.password } });
  res.json({ ok: user !== null });
});

app.get('/orders', async (req, res) => {
  res.json(await Order.find({ owner: req.query.owner }));
});

app.get('/orders/:id', async (req, res) => {
  res.json(await Order.findOne({ _id: req.params.id }));
});
