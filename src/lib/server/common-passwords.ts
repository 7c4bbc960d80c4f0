/** Passwords of 12+ characters that appear at the top of public breach lists; refused outright. */
export const commonPasswords: ReadonlySet<string> = new Set([
	'123456789012', '1234567890123', '12345678910', '123123123123', '111111111111', '000000000000',
	'qwertyuiopas', 'qwerty123456', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qwertyuiop12', 'qwertyuiop123',
	'password1234', 'password12345', 'password123!', 'passwordpassword', 'password1234!', 'p@ssw0rd1234',
	'iloveyou1234', 'welcome12345', 'welcome123456', 'letmein12345', 'administrator', 'admin1234567',
	'changeme1234', 'football1234', 'baseball1234', 'superman1234', 'sunshine1234', 'trustno1trustno1',
	'abcdefghijkl', 'abc123456789', 'aaaaaaaaaaaa', 'asdfghjkl123', 'zxcvbnm12345', 'passw0rd1234',
	'customs12345', 'customs123456', 'wcocustoms123', 'rilo12345678', 'demo-password', 'correcthorsebatterystaple',
	'monkey123456', 'dragon123456', 'master123456', 'michael12345', 'jennifer1234', 'princess1234',
]);
