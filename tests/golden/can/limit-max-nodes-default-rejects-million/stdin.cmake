# 1,000 statements of 1,000 StringEquals values each: 1,005,003 values, over the default
# --max-nodes of 1,000,000 while within the statement and value limits (1,000 each). 4 MB.
string(REPEAT ",\"x\"" 999 others)
set(statement "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"oidc.vercel.com/acme:sub\":[\"owner:acme:project:web:environment:production\"${others}]}}}")
string(REPEAT ",${statement}" 999 rest)
file(WRITE "${STDIN_FILE}" "{\"Version\":\"2012-10-17\",\"Statement\":[${statement}${rest}]}\n")
