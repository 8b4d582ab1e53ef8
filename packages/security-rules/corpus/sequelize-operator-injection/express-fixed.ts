import express from 'express';
import { DataTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL ?? '');
const User = sequelize.define('User', { email: DataTypes.STRING, role: DataTypes.STRING });

const app = express();
app.use(express.json());

app.post('/users/search', async (req, res) => {
  res.json(await User.findAll({ where: { email: String(req.body.email) }, attributes: ['id', 'email'] }));
});
