-- A small task tracker, version 1. Used by the README quick start:
--   sb db diff --from examples/schema/v1.sql --compare examples/schema/v2.sql

create type task_status as enum ('todo', 'doing', 'done');

create table organizations (
  id bigint generated always as identity primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table users (
  id bigint generated always as identity primary key,
  email text not null unique,
  full_name text,
  created_at timestamptz not null default now()
);

create table memberships (
  organization_id bigint not null references organizations (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'admin', 'member')),
  primary key (organization_id, user_id)
);

create table projects (
  id bigint generated always as identity primary key,
  organization_id bigint not null references organizations (id) on delete cascade,
  name text not null,
  slug text,
  archived boolean not null default false
);

create table tasks (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id) on delete cascade,
  title varchar(200) not null,
  status task_status not null default 'todo',
  assignee_id bigint references users (id) on delete set null,
  created_at timestamptz not null default now()
);

create index tasks_project_id_idx on tasks (project_id);

create table comments (
  id bigint generated always as identity primary key,
  task_id bigint not null references tasks (id) on delete cascade,
  author_id bigint references users (id) on delete set null,
  body text not null,
  created_at timestamptz not null default now()
);

create table tags (
  id serial primary key,
  organization_id bigint not null references organizations (id) on delete cascade,
  name text not null,
  unique (organization_id, name)
);

create table task_tags (
  task_id bigint not null references tasks (id) on delete cascade,
  tag_id integer not null references tags (id) on delete cascade,
  primary key (task_id, tag_id)
);

create table attachments (
  id bigint generated always as identity primary key,
  task_id bigint not null references tasks (id) on delete cascade,
  file_name text not null,
  size_bytes integer not null
);

create table audit_log (
  id bigint generated always as identity primary key,
  actor_id bigint,
  action text not null,
  at timestamptz not null default now()
);

create view open_tasks as
  select t.id, t.title, t.status, p.name as project
  from tasks t join projects p on p.id = t.project_id
  where t.status <> 'done';
