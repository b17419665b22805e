from django import template

register = template.Library()


@register.simple_tag
def year_memberships(network, year, change=None):
    """`{% year_memberships network year membership as memberships %}`: what the directory
    filtered by `year` (and `change`) shows of the network's memberships."""
    return network.year_memberships(year, change)
