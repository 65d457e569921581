/** Decimals as the database columns store them and as the repositories hand them back. */
package io.gridbot.persistence.column;
