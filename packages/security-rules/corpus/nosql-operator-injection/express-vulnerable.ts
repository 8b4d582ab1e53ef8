import express from 'express';
import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ username: String, password: String }));
const Order = mongoose.model('Order', new mongoose.Schema({ owner: String, total: Number }));

const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const user = await User.findOne({ username: req.body.username, password: req.body.password }); // expect: nosql-operator-injection
  res.json({ ok: user !== null });
});

app.get('/orders', async (req, res) => {
  res.json(await Order.find({ owner: req.query.owner })); // expect: nosql-operator-injection
});

app.post('/orders/search', async (req, res) => {
  const filter = JSON.parse(String(req.body.filter));
  res.json(await Order.find(filter)); // expect: nosql-operator-injection
});
