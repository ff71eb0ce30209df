resource "aws_iam_role" "vercel_deploy" {
  name               = "vercel-web-deploy"
  assume_role_policy = data.aws_iam_policy_document.vercel_trust.json
}
