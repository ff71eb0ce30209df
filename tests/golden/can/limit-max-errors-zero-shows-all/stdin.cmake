# A valid Vercel policy in 12 statements that each carry a Resource (TL048, an error that does
# not change what the policy means): more errors than the default --max-errors of 10.
set(statements "")
foreach(i RANGE 1 12)
  if(i GREATER 1)
    string(APPEND statements ",\n")
  endif()
  string(APPEND statements "    {\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Resource\": \"*\",\n     \"Condition\": {\"StringEquals\": {\"oidc.vercel.com/acme:sub\": \"owner:acme:project:p${i}:environment:production\"}}}")
endforeach()
file(WRITE "${STDIN_FILE}" "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n${statements}\n  ]\n}\n")
