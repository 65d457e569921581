/** Files the embedded database and the key store keep on disk, readable by their owner only. */
package io.gridbot.persistence.file;
