const express = require('express');
const { MongoClient } = require('mongodb');

class UserDao {
  constructor(db) {
    this.users = db.collection('users');
  }

  findByName(name) {
    return this.users.findOne({ name }); // expect: nosql-operator-injection
  }
}

const client = new MongoClient(process.env.MONGO_URL);
const app = express();
app.use(express.json());

app.post('/profile', async (req, res) => {
  const dao = new UserDao(client.db());
  res.json(await dao.findByName(req.body.name));
});
