/** OKX request signing: key, secret and passphrase that never print themselves, and the Base64 HMAC-SHA256. */
package io.gridbot.exchange.okx.sign;
