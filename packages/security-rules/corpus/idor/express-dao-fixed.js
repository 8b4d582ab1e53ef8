// The id comes from the session, the edited row is the caller's own, and a shared catalogue has no owner to check.
const express = require('express');
const Sequelize = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const Account = sequelize.define('Account', { name: Sequelize.STRING, password: Sequelize.STRING });
const Item = sequelize.define('Item', { code: Sequelize.STRING, name: Sequelize.STRING, tags: Sequelize.STRING });

function HoldingsDao(db) {
  const holdings = db.collection('holdings');
  this.byUser = (userId, done) => holdings.find({ userId: parseInt(userId) }).toArray(done);
}

const requireLogin = (req, res, next) => (req.session.userId ? next() : res.redirect('/login'));
const app = express();
const dao = new HoldingsDao(app.locals.db);
app.get('/holdings', requireLogin, (req, res) => {
  dao.byUser(req.session.userId, (err, rows) => res.render('holdings', { rows }));
});
app.post('/accounts/edit', requireLogin, (req, res) => {
  if (String(req.body.id) !== String(req.user.id)) return res.status(403).end();
  Account.findOne({ where: { id: req.body.id } }).then((a) => a.update({ name: req.body.name }).then(() => res.end()));
});
app.post('/items/edit', requireLogin, (req, res) => {
  Item.findOne({ where: { id: req.body.id } }).then((i) => i.update({ name: req.body.name }).then(() => res.end()));
});
