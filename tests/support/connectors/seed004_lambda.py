import boto3
import json

# Initialize DynamoDB client
dynamodb = boto3.client('dynamodb')

def lambda_handler(event, context):
    try:
        # Retrieve order ID from the input event
        order_id = event['Details']['Parameters']['orderId']
        
        # Get item from DynamoDB
        response = dynamodb.get_item(
            TableName='OrdersTable',  # Replace with your DynamoDB table name
            Key={
                'orderId': {'S': order_id}
            }
        )
        
        # Check if item exists
        if 'Item' in response:
            order_info = response['Item']
            # Create a response for Amazon Connect
            return {
                'statusCode': 200,
                'body': json.dumps({
                    'orderStatus': order_info['status']['S'],
                    'deliveryDate': order_info['deliveryDate']['S']
                })
            }
        else:
            return {
                'statusCode': 404,
                'body': 'Order not found'
            }
    except Exception as e:
        print(f"Error: {str(e)}")
        return {
            'statusCode': 500,
            'body': f"Internal server error: {str(e)}"
        }
