// A shared notice board: its `Note` model has no owner column, so any logged-in user may read any note by id,
// although another module defines a user-owned model under the same name (express-same-name-vulnerable.js).
const express = require('express');
const Sequelize = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const Note = sequelize.define('Note', { title: Sequelize.STRING, body: Sequelize.TEXT });

const requireLogin = (req, res, next) => (req.session.userId ? next() : res.redirect('/login'));
const app = express();
app.get('/board/:noteId', requireLogin, (req, res) => {
  Note.findByPk(req.params.noteId).then((note) => res.json(note));
});
module.exports = app;
