/**
 * Live updates between nodes: a small bus that tells every node "something new happened at
 * this position of this subject", never what it is. In one process on SQLite; through
 * PostgreSQL's LISTEN/NOTIFY when several nodes share a database. Features subscribe, then load
 * and show what is new to their own readers.
 */
package org.hearth.platform.live;
