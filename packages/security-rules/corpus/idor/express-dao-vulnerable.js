// NodeGoat/DVNA-style: the id crosses a data-access object (and a parseInt) before the query; req.user is only rendered.
const express = require('express');
const Sequelize = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const Member = sequelize.define('Member', { name: Sequelize.STRING, password: Sequelize.STRING });

function AllocationsDao(db) {
  const allocations = db.collection('allocations');
  this.byUser = (userId, done) => {
    const parsed = parseInt(userId);
    allocations.find({ userId: parsed }).toArray(done);
  };
}

const requireLogin = (req, res, next) => (req.session.userId ? next() : res.redirect('/login'));
const app = express();
const dao = new AllocationsDao(app.locals.db);
app.get('/allocations/:userId', requireLogin, (req, res) => {
  const userId = req.params.userId; // expect: idor
  dao.byUser(userId, (err, rows) => res.render('allocations', { rows }));
});
app.post('/members/edit', requireLogin, (req, res) => {
  Member.findOne({ where: { id: req.body.id } }).then((m) => { // expect: idor
    m.name = req.body.name;
    m.save().then(() => res.render('edit', { userId: req.user.id }));
  });
});
