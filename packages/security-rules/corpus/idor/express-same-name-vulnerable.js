// Two modules define a model named `Note`: here notes belong to a user (owner column); in
// express-same-name-fixed.js `Note` is a shared board without one. Each use resolves to its own declaration.
const express = require('express');
const Sequelize = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const Note = sequelize.define('Note', { title: Sequelize.STRING, ownerId: Sequelize.INTEGER });

const requireLogin = (req, res, next) => (req.session.userId ? next() : res.redirect('/login'));
const app = express();
app.get('/notes/:noteId', requireLogin, (req, res) => {
  Note.findByPk(req.params.noteId).then((note) => res.json(note)); // expect: idor
});
module.exports = app;
