"""Classic ELBs of an emulator through boto3 (moto's dependency), as the AWS cloud controller manager makes them:
classic_elb.py ENDPOINT REGION create NAME TAG_KEY GROUP SUBNET... | list | delete NAME.
The test's own client for classic ELBs, independent of the library's signed queries."""
import sys

import boto3

endpoint, region, command, *args = sys.argv[1:]
elb = boto3.client("elb", endpoint_url=endpoint, region_name=region,
                   aws_access_key_id="testing", aws_secret_access_key="testing")
if command == "create":
    name, tag_key, group, *subnets = args
    # GROUP "-": a balancer in no VPC (another cluster's, elsewhere)
    placement = {"Subnets": subnets, "SecurityGroups": [group]} if group != "-" else {"AvailabilityZones": [region + "a"]}
    elb.create_load_balancer(
        LoadBalancerName=name,
        Listeners=[{"Protocol": "TCP", "LoadBalancerPort": 80, "InstanceProtocol": "TCP", "InstancePort": 30080}],
        Tags=[{"Key": tag_key, "Value": "owned"},
              {"Key": "kubernetes.io/service-name", "Value": "ingress-nginx/ingress-nginx-controller"}],
        **placement)
elif command == "list":
    for page in elb.get_paginator("describe_load_balancers").paginate():
        for balancer in page["LoadBalancerDescriptions"]:
            print(balancer["LoadBalancerName"])
elif command == "delete":
    elb.delete_load_balancer(LoadBalancerName=args[0])
else:
    sys.exit("unknown command " + command)
