#!/usr/bin/env python3
"""Writes the output of `aws iam get-account-authorization-details` for a generated account:
ROLES roles, one in ten a Vercel OIDC role (URL-encoded trust policy, as the CLI prints it), the
rest Lambda/ECS service roles with an inline policy, about 3.3 KB per role (5,000 roles = 16.7 MB,
the size of issue 18's export). Used by docs/benchmarks.md ("lint of an account export").

usage: bench/account_details.py ROLES > export.json
"""
import json
import sys
import urllib.parse


def vercel_policy(i):
    team = "acme"
    env = ("production", "preview", "development")[i % 3]
    return {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "Vercel%d" % i,
            "Effect": "Allow",
            "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/%s" % team},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {"oidc.vercel.com/%s:aud" % team: "https://vercel.com/%s" % team},
                "StringLike": {"oidc.vercel.com/%s:sub" % team: "owner:%s:project:app-%d:environment:%s" % (team, i, env)},
            },
        }],
    }


def service_policy(i):
    service = ("lambda.amazonaws.com", "ecs-tasks.amazonaws.com", "ec2.amazonaws.com")[i % 3]
    return {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
    }


def inline_policy(i):
    return {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": ["arn:aws:s3:::bucket-%d/*" % i, "arn:aws:s3:::bucket-%d" % i,
                         "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/function-%d:*" % i],
        }, {
            "Effect": "Allow",
            "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
            "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/table-%d" % i,
        }],
    }


def role(i):
    vercel = i % 10 == 0
    name = ("vercel-app-%d" % i) if vercel else ("service-role-%d" % i)
    trust = vercel_policy(i) if vercel else service_policy(i)
    return {
        "Path": "/",
        "RoleName": name,
        "RoleId": "AROA%016d" % i,
        "Arn": "arn:aws:iam::123456789012:role/%s" % name,
        "CreateDate": "2024-03-02T10:11:12+00:00",
        "AssumeRolePolicyDocument": urllib.parse.quote(json.dumps(trust, separators=(",", ":")), safe=""),
        "InstanceProfileList": [],
        "RolePolicyList": [{"PolicyName": "inline-%d-%d" % (i, k),
                            "PolicyDocument": urllib.parse.quote(json.dumps(inline_policy(i * 4 + k), separators=(",", ":")), safe="")}
                           for k in range(2)],
        "AttachedManagedPolicies": [{"PolicyName": "managed-%d" % i, "PolicyArn": "arn:aws:iam::123456789012:policy/managed-%d" % i}],
        "Tags": [{"Key": "team", "Value": "platform"}, {"Key": "cost-center", "Value": "cc-%d" % (i % 50)}],
        "RoleLastUsed": {"LastUsedDate": "2024-11-01T00:00:00+00:00", "Region": "us-east-1"},
    }


def main():
    n = int(sys.argv[1])
    out = {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [role(i) for i in range(n)], "Policies": []}
    json.dump(out, sys.stdout, indent=4)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
